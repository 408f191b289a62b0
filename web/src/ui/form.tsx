import { Fragment, type ComponentChildren, type TargetedEvent } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import type { ErrorContext } from '../errors';
import { ErrorMsg, Field, inputValue, Msg, useAction } from './components';

type Values = Record<string, unknown>;
/** The fields of a form that hold text (inputs, selects, text areas). */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * A form's state: its values, the one action it runs (busy, coded error), the success message of
 * its last submission, and `reset` back to the values it started with.
 */
export function useForm<V extends Values>(initial: V) {
  const [start] = useState(initial);
  const [values, setValues] = useState<V>(initial);
  const [done, setDone] = useState<ComponentChildren>(null);
  const action = useAction();
  const set = useCallback(
    <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value })),
    [],
  );
  /** Back to the starting values, except the fields in `keep` (a choice the next entry shares). */
  const reset = useCallback(
    (keep: (keyof V)[] = []) =>
      setValues((v) => {
        const next = { ...start };
        keep.forEach((k) => (next[k] = v[k]));
        return next;
      }),
    [start],
  );
  return { ...action, values, set, reset, done, setDone };
}

export type FormState<V extends Values> = ReturnType<typeof useForm<V>>;

/** One input, select or text area of a form, capped at its server limit (`maxLength`, from limits.ts). */
export interface FieldSpec<V> {
  key: TextKey<V>;
  label: string;
  hint?: string;
  /** The element's `name` (what the browser tests and autofill find it by). */
  name?: string;
  /** A select's choices: [value, label]. */
  options?: [string, string][];
  textarea?: boolean;
  /** No visible label (a compact row in a table): `label` names it for screen readers instead. */
  bare?: boolean;
  type?: 'text' | 'tel' | 'date' | 'datetime-local' | 'password';
  inputMode?: 'numeric' | 'decimal';
  required?: boolean;
  pattern?: string;
  min?: string;
  max?: string;
  minLength?: number;
  /** The server's limit for this kind of text: `TEXT_MAX.name` (limits.ts), never a number of its own. */
  maxLength?: number;
  autoComplete?: string;
  autoCapitalize?: 'characters';
  placeholder?: string;
  rows?: number;
  class?: string;
  testId?: string;
}

/** The controls of `fields`, each in its labelled `Field`, bound to the form's values. */
export function Fields<V extends Values>(props: { form: FormState<V>; fields: FieldSpec<V>[] }) {
  const { form } = props;
  return (
    <>
      {props.fields.map((f) => {
        const value = form.values[f.key] as string;
        const onInput = (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
          form.set(f.key, inputValue(e) as V[typeof f.key]);
        const common = {
          name: f.name,
          value,
          required: f.required,
          class: f.class,
          'aria-label': f.bare ? f.label : undefined,
          'data-testid': f.testId,
        };
        const control = f.options ? (
          <select {...common} onChange={(e) => form.set(f.key, inputValue(e) as V[typeof f.key])}>
            {f.options.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        ) : f.textarea ? (
          <textarea {...common} rows={f.rows} maxLength={f.maxLength} onInput={onInput} />
        ) : (
          <input
            {...common}
            // One of the text-like types: tsc checks Preact's per-type union, which a variable does
            // not narrow, while the linter sees the union accept it.
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
            type={f.type as 'text'}
            inputMode={f.inputMode}
            pattern={f.pattern}
            min={f.min}
            max={f.max}
            minLength={f.minLength}
            maxLength={f.maxLength}
            autoComplete={f.autoComplete}
            autoCapitalize={f.autoCapitalize}
            placeholder={f.placeholder}
            onInput={onInput}
          />
        );
        return f.bare ? (
          <Fragment key={f.key}>{control}</Fragment>
        ) : (
          <Field key={f.key} label={f.label} hint={f.hint}>
            {control}
          </Field>
        );
      })}
    </>
  );
}

/**
 * What a submission resolves to: nothing (it stopped short: a check failed, a confirm was
 * declined, a warning asks to press again), `true` (done) or the success message to show.
 */
export type Outcome = ComponentChildren | true | void;

/** The coded error of the form's action and the success message of its last submission. */
export function FormMessages<V extends Values>(props: {
  form: FormState<V>;
  ctx?: ErrorContext;
  doneTestId?: string;
}) {
  return (
    <>
      <ErrorMsg error={props.form.error} ctx={props.ctx} />
      {props.form.done ? (
        <Msg kind="ok" testId={props.doneTestId}>
          {props.form.done}
        </Msg>
      ) : null}
    </>
  );
}

/**
 * The form every admin create, edit and find form uses: `fields` (in a two-column grid, or in a
 * row with `inline`), the submit button (disabled while busy), the coded error and the success
 * message. `onSubmit` runs as the form's one action through api.ts; when it succeeds the form
 * resets (with `reset`, keeping the fields in `keep`).
 */
export function Form<V extends Values>(props: {
  form: FormState<V>;
  onSubmit: (values: V) => Promise<Outcome>;
  fields?: FieldSpec<V>[];
  submit: string;
  /** The submit button's look: primary (the default), secondary, danger, or small ones. */
  submitClass?: string;
  /** A reason the submit button is off besides being busy (an invalid amount). */
  disabled?: boolean;
  /** Buttons beside submit (cancel, deactivate), in one row. */
  actions?: ComponentChildren;
  /** Put the submit button in a row even with no other buttons. */
  row?: boolean;
  /** Fields and button in one line (a search, a one-field form). */
  inline?: boolean;
  /** With `inline`: the messages go below the form instead of inside its row. */
  messagesBelow?: boolean;
  /** Shown above the fields. */
  intro?: ComponentChildren;
  /** Shown after the fields (checkboxes); `notice` above the error (a warning). */
  children?: ComponentChildren;
  notice?: ComponentChildren;
  ctx?: ErrorContext;
  testId?: string;
  doneTestId?: string;
  class?: string;
  reset?: boolean;
  keep?: (keyof V)[];
}) {
  const { form } = props;
  const fields = props.fields ? <Fields form={form} fields={props.fields} /> : null;
  const button = (
    <button
      type="submit"
      class={`btn ${props.submitClass ?? 'btn-primary'}`}
      disabled={form.busy || props.disabled}
    >
      {props.submit}
    </button>
  );
  const messages = (
    <>
      {props.notice}
      <FormMessages form={form} ctx={props.ctx} doneTestId={props.doneTestId} />
    </>
  );
  const element = (
    <form
      class={props.class ?? (props.inline ? 'inline-form' : 'stack')}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        form.setDone(null);
        void form.run(async () => {
          const outcome = await props.onSubmit(form.values);
          if (outcome === undefined) {
            return;
          }
          if (outcome !== true) {
            form.setDone(outcome);
          }
          if (props.reset) {
            form.reset(props.keep);
          }
        });
      }}
    >
      {props.intro}
      {props.inline ? (
        <>
          {fields}
          {props.children}
          {button}
          {props.actions}
          {props.messagesBelow ? null : messages}
        </>
      ) : (
        <>
          {fields ? <div class="grid-2">{fields}</div> : null}
          {props.children}
          {messages}
          {props.actions !== undefined || props.row ? (
            <div class="inline-form">
              {button}
              {props.actions}
            </div>
          ) : (
            button
          )}
        </>
      )}
    </form>
  );
  return props.inline && props.messagesBelow ? (
    <>
      {element}
      {messages}
    </>
  ) : (
    element
  );
}

/**
 * A button that runs one action of a form (or of a `useAction`): off while that action is busy,
 * and after `confirm` when the step cannot simply be undone. Its error shows where the action's
 * messages are.
 */
export function ActionButton(props: {
  action: { busy: boolean; run: (fn: () => Promise<unknown>) => Promise<unknown> };
  onClick: () => Promise<unknown>;
  /** The question to answer OK first. */
  confirm?: string;
  /** Default `btn-link`. */
  class?: string;
  disabled?: boolean;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={props.class ?? 'btn-link'}
      disabled={props.action.busy || props.disabled}
      data-testid={props.testId}
      onClick={() => {
        if (props.confirm === undefined || confirm(props.confirm)) {
          void props.action.run(props.onClick);
        }
      }}
    >
      {props.children}
    </button>
  );
}
