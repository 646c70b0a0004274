import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "../cx.ts";
import { describedBy, fieldIds } from "../nav.ts";

export interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Error text; when present the input is aria-invalid and points at it. */
  error?: string | undefined;
}

export function FormField({
  id,
  name,
  label,
  hint,
  error,
  className,
  required,
  ...input
}: FormFieldProps) {
  const ids = fieldIds(id);
  const invalid = Boolean(error);
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
        {required ? (
          <span className="text-ink-muted">
            {" "}
            <span aria-hidden="true">*</span>
            <span className="sr-only">(required)</span>
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={ids.hint} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), invalid)}
        className={cx(
          "min-h-11 rounded-md border bg-surface px-3 text-base text-ink placeholder:text-ink-muted",
          "focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-focus",
          invalid ? "border-danger-600 border-2" : "border-line-strong",
        )}
        {...input}
      />
      {invalid ? (
        <p id={ids.error} className="text-sm font-medium text-danger-ink">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
