"use server";

import { toActionFailure } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { carryOverRoadmap, createRoadmapItem, editRoadmapItem, moveRoadmapItem } from "@/lib/dal/roadmap";
import { toSaveFailure, type SaveResult } from "@/lib/editor-result";
import { ConflictError } from "@/lib/errors";
import { carryOverSchema, createRoadmapItemSchema, editRoadmapItemSchema } from "@/lib/validation/roadmap";
import { z } from "@/lib/validation/zod";

// Server actions are public POST endpoints: the data layer checks permission on every call.

function failed(error: unknown): SaveResult {
  if (error instanceof ConflictError) return { ok: false, message: error.message, fieldErrors: {}, conflict: { version: error.current.version, snapshot: error.current.snapshot } };
  return toSaveFailure(toActionFailure(error, {}));
}

export async function createRoadmapItemAction(input: unknown): Promise<SaveResult> {
  try {
    createRoadmapItem({ actor: await getCurrentActor(), input: createRoadmapItemSchema.parse(input) });
    return { ok: true, version: 1 };
  } catch (error) {
    return failed(error);
  }
}

export async function editRoadmapItemAction(input: unknown): Promise<SaveResult> {
  try {
    return { ok: true, ...editRoadmapItem({ actor: await getCurrentActor(), input: editRoadmapItemSchema.parse(input) }) };
  } catch (error) {
    return failed(error);
  }
}

const moveSchema = z.object({ id: z.number().int().positive(), direction: z.enum(["up", "down"]) });

export async function moveRoadmapItemAction(input: unknown): Promise<SaveResult> {
  try {
    const { id, direction } = moveSchema.parse(input);
    moveRoadmapItem({ actor: await getCurrentActor(), id, direction });
    return { ok: true, version: 0 };
  } catch (error) {
    return failed(error);
  }
}

export async function carryOverRoadmapAction(input: unknown): Promise<SaveResult & { carried?: number }> {
  try {
    const { carried } = carryOverRoadmap({ actor: await getCurrentActor(), input: carryOverSchema.parse(input) });
    return { ok: true, version: 0, carried };
  } catch (error) {
    return failed(error);
  }
}
