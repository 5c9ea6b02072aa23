"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { addParticipantAction, setParticipantArchivedAction } from "@/lib/actions/negotiations";
import { actorKindLabels, participationRoleLabels } from "@/lib/format/labels";
import { actorKinds, participationRoles } from "@/lib/validation/enums";
import { Labelled, describe, inputClass } from "./form-bits";
import { firstProblem, useObjectAction } from "./use-object-action";

export function AddParticipantForm({
  negotiationId,
  actors,
}: {
  negotiationId: string;
  actors: Array<{ id: string; name: string }>;
}) {
  const [createNew, setCreateNew] = useState(false);
  const [values, setValues] = useState({
    actorId: "",
    role: "PARTY",
    side: "",
    description: "",
    name: "",
    shortName: "",
    kind: "GOVERNMENT",
    aliases: "",
  });
  const { result, errors, pending, submit } = useObjectAction(addParticipantAction);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit({
          negotiationId,
          role: values.role,
          side: values.side,
          description: values.description,
          ...(createNew
            ? {
                newActor: {
                  name: values.name,
                  shortName: values.shortName,
                  kind: values.kind,
                  aliases: values.aliases,
                },
              }
            : { actorId: values.actorId }),
        });
      }}
    >
      <ActionStatus className="sm:col-span-2" result={result} />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" checked={createNew} onChange={(e) => setCreateNew(e.target.checked)} /> Create a new
        actor
      </label>
      {createNew ? (
        <>
          <Labelled id="actor-name" label="Actor name" errors={errors?.["newActor.name"]}>
            <input
              dir="auto"
              {...describe("actor-name", errors?.["newActor.name"])}
              className={inputClass}
              value={values.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          </Labelled>
          <Labelled id="actor-short" label="Short name (optional)" errors={errors?.["newActor.shortName"]}>
            <input
              dir="auto"
              {...describe("actor-short", errors?.["newActor.shortName"])}
              className={inputClass}
              value={values.shortName}
              onChange={(e) => set({ shortName: e.target.value })}
            />
          </Labelled>
          <Labelled id="actor-kind" label="Kind of actor" errors={errors?.["newActor.kind"]}>
            <select
              {...describe("actor-kind", errors?.["newActor.kind"])}
              className={inputClass}
              value={values.kind}
              onChange={(e) => set({ kind: e.target.value })}
            >
              {actorKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {actorKindLabels[kind]}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled
            id="actor-aliases"
            label="Alternate names, one per line: name | language"
            hint="e.g. الصليب الأحمر | ar"
            errors={errors?.["newActor.aliases"]}
          >
            <textarea
              {...describe("actor-aliases", errors?.["newActor.aliases"], true)}
              dir="auto"
              rows={2}
              className={inputClass}
              value={values.aliases}
              onChange={(e) => set({ aliases: e.target.value })}
            />
          </Labelled>
        </>
      ) : (
        <Labelled id="participant-actor" label="Actor" errors={errors?.actorId}>
          <select
            {...describe("participant-actor", errors?.actorId)}
            className={inputClass}
            value={values.actorId}
            onChange={(e) => set({ actorId: e.target.value })}
          >
            <option value="">Choose…</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </Labelled>
      )}
      <Labelled id="participant-role" label="Role" errors={errors?.role}>
        <select
          {...describe("participant-role", errors?.role)}
          className={inputClass}
          value={values.role}
          onChange={(e) => set({ role: e.target.value })}
        >
          {participationRoles.map((role) => (
            <option key={role} value={role}>
              {participationRoleLabels[role].one}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="participant-side" label="Side (for parties)" errors={errors?.side}>
        <input
          dir="auto"
          {...describe("participant-side", errors?.side)}
          className={inputClass}
          value={values.side}
          onChange={(e) => set({ side: e.target.value })}
        />
      </Labelled>
      <div className="sm:col-span-2">
        <Button type="submit" pending={pending}>
          Add participant
        </Button>
      </div>
    </form>
  );
}

export function ParticipantArchiveButton({
  participationId,
  name,
  archived,
}: {
  participationId: string;
  name: string;
  archived: boolean;
}) {
  const { result, pending, submit } = useObjectAction(setParticipantArchivedAction);
  return (
    <span aria-live="polite">
      <button
        type="button"
        disabled={pending}
        className="text-sm underline"
        onClick={() => submit({ participationId, archived: !archived })}
      >
        {archived ? "Restore" : "Remove"} {name}
      </button>
      {firstProblem(result) ? (
        <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-400">
          {firstProblem(result)}
        </span>
      ) : null}
    </span>
  );
}
