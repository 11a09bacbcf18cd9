"use server";

import { carryOverRoadmap, createRoadmapItem, editRoadmapItem, moveRoadmapItem } from "@/lib/dal/roadmap/editor";
import { inputAction } from "@/lib/http/server-action";
import { carryOverSchema, createRoadmapItemSchema, editRoadmapItemSchema } from "@/lib/validation/roadmap";
import { z } from "@/lib/validation/zod";

export const createRoadmapItemAction = inputAction(createRoadmapItemSchema, ({ actor, input }) => createRoadmapItem({ actor, input }));

export const editRoadmapItemAction = inputAction(editRoadmapItemSchema, ({ actor, input }) => editRoadmapItem({ actor, input }));

const moveSchema = z.object({ id: z.number().int().positive(), direction: z.enum(["up", "down"]) });

export const moveRoadmapItemAction = inputAction(moveSchema, ({ actor, input }) => {
  moveRoadmapItem({ actor, id: input.id, direction: input.direction });
  return {};
});

export const carryOverRoadmapAction = inputAction(carryOverSchema, ({ actor, input }) => carryOverRoadmap({ actor, input }));
