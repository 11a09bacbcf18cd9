"use client";

import { createContext, useActionState, useContext, useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";

/** The action's last answer, and an id prefix so several forms on a page never share field ids. */
const FormState = createContext<{ result: ActionResult | null; idPrefix: string }>({ result: null, idPrefix: "field" });

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-accent-600 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900";

/** A refusal as the form shows it: `onFields` when every error sits beside a field the person can see. */
type Shown = ActionResult & { onFields?: number };

/** The form's own fields named by a refusal's errors, or null when one of them has no visible field here. */
function visibleFieldsOf(form: HTMLFormElement | null, result: ActionResult): HTMLElement[] | null {
  if (!form || result.ok) return null;
  const names = Object.keys(result.fieldErrors);
  if (names.length === 0) return null;
  const fields = names.map((name) => form.elements.namedItem(name));
  const visible = (field: Element | RadioNodeList | null): field is HTMLElement =>
    (field instanceof HTMLInputElement && field.type !== "hidden") ||
    field instanceof HTMLTextAreaElement ||
    field instanceof HTMLSelectElement;
  return fields.every(visible) ? fields : null;
}

/**
 * A form bound to a server action: shows the action's message, puts field errors beside
 * their fields (each once: the form then only points to them, and the first takes the
 * focus), and refills what was typed when the server refuses it.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "Saving…",
  className = "space-y-4",
  variant = "primary",
}: {
  action: (state: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  className?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(async (previous: Shown | null, formData: FormData): Promise<Shown> => {
    const result = await action(previous, formData);
    return { ...result, onFields: visibleFieldsOf(formRef.current, result)?.length };
  }, null);
  const idPrefix = useId();
  useEffect(() => {
    // A full load, so everything on the next page (the account menu too) sees the new session.
    if (state?.ok && state.redirectTo) window.location.assign(state.redirectTo);
    if (state?.onFields) visibleFieldsOf(formRef.current, state)?.[0]?.focus();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} className={className} noValidate>
      <FormState.Provider value={{ result: state, idPrefix }}>{children}</FormState.Provider>
      {state && !state.ok ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.onFields
            ? state.onFields === 1
              ? "Check the field marked above."
              : `Check the ${state.onFields} fields marked above.`
            : state.message}
        </p>
      ) : null}
      {state?.ok && state.message ? (
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {state.message}
        </p>
      ) : null}
      {state?.ok && state.secret ? <SecretField label={state.secret.label} value={state.secret.value} /> : null}
      <Button type="submit" disabled={pending} variant={variant}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}

/** A value to copy now, as it will not be shown again: read-only, selected on focus, with a copy button. */
function SecretField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} mt-0 font-mono`} />
        <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

export function Button({
  children,
  variant = "primary",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" }) {
  const styles = {
    primary: "bg-accent-600 text-white hover:bg-accent-700",
    secondary:
      "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
    danger: "bg-red-700 text-white hover:bg-red-800",
  }[variant];
  return (
    <button
      {...props}
      className={`inline-flex items-center rounded-md px-3 py-2 text-sm font-medium disabled:opacity-60 ${styles} ${props.className ?? ""}`}
    >
      {children}
    </button>
  );
}

function FieldMessages({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {errors ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

function useField(name: string, defaultValue?: string) {
  const { result, idPrefix } = useContext(FormState);
  const errors = result && !result.ok ? result.fieldErrors[name] : undefined;
  const value = result && !result.ok && name in result.values ? result.values[name] : defaultValue;
  return { errors, value, id: `${idPrefix}-${name}` };
}

export function Field({
  name,
  label,
  type = "text",
  defaultValue,
  hint,
  required,
  autoComplete,
  maxLength,
  multiline,
  max,
  onChange,
}: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  multiline?: boolean;
  /** The latest value a date picker offers (the server checks it too). */
  max?: string;
  /** Typing in the field (it stays uncontrolled: React resets it after the action). */
  onChange?: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}) {
  const { errors, value, id } = useField(name, defaultValue);
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue: type === "password" ? undefined : value,
    required,
    maxLength,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": describedBy,
    className: inputClass,
    onChange,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={4} /> : <input {...common} type={type} autoComplete={autoComplete} max={max} />}
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  multiple,
  hint,
  onChange,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string | string[];
  multiple?: boolean;
  hint?: string;
  onChange?: (value: string) => void;
}) {
  // React resets a form after its action: refill the choice that was sent (not for multi-selects, sent as one value each).
  const { errors, id, value } = useField(name, typeof defaultValue === "string" ? defaultValue : undefined);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        // A select only takes its default when mounted: remount it on the choice that was sent.
        key={multiple ? undefined : value}
        id={id}
        name={name}
        defaultValue={multiple ? defaultValue : value}
        multiple={multiple}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
  hint,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
  hint?: string;
}) {
  const { id } = useField(name);
  const { result } = useContext(FormState);
  // After a refused save, keep the box as it was sent: a ticked box sends "on", an empty one nothing.
  const checked = result && !result.ok ? name in result.values : defaultChecked;
  return (
    <div className="flex items-start gap-2">
      <input
        key={String(checked)}
        id={id}
        name={name}
        type="checkbox"
        defaultChecked={checked}
        className="mt-1 h-4 w-4"
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
