// The admin audit log's words for each audited action (staff screens are English). A Record
// over every action, so a new event without wording fails the type check instead of showing
// its code alone.
import { fieldLabels } from "@/lib/translations/fields";
import type { AuditAction, StoredAuditEvent } from "./events";

export const auditActionLabels: Record<AuditAction, string> = {
  "webhook.endpoint.create": "Webhook endpoint added",
  "webhook.endpoint.rotate-secret": "Webhook secret rotated",
  "webhook.endpoint.delete": "Webhook endpoint deleted",
  "webhook.endpoint.enable": "Webhook endpoint enabled",
  "webhook.endpoint.disable": "Webhook endpoint disabled",
  "citation.rearchive": "Cited link archived again",
  "user.create": "Staff account created",
  "user.password.change": "Password changed",
  "user.password.reset": "Password reset",
  "user.role.change": "Role changed",
  "user.deactivate": "Account deactivated",
  "user.reactivate": "Account reactivated",
  "negotiation.create": "Negotiation created",
  "negotiation.update": "Negotiation edited",
  "negotiation.publish": "Negotiation published",
  "negotiation.unpublish": "Negotiation unpublished",
  "negotiation.archive": "Negotiation archived",
  "negotiation.restore": "Negotiation restored from the archive",
  "negotiation.stage.sync": "Stage follows the developments",
  "development.create": "Development created",
  "development.update": "Development edited",
  "development.correct": "Development corrected (public note)",
  "development.publish": "Development published",
  "development.unpublish": "Development unpublished",
  "development.archive": "Development archived",
  "development.restore": "Development restored from the archive",
  "phase.create": "Phase created",
  "phase.update": "Phase edited",
  "terms.create": "Terms version drafted",
  "terms.publish": "Terms version published",
  "terms.unpublish": "Terms version unpublished",
  "terms.discard": "Draft terms discarded",
  "actor.create": "Actor created",
  "participation.add": "Participant added",
  "participation.remove": "Participant removed",
  "participation.restore": "Participant restored",
  "figure.create": "Figure created",
  "figure.claim.add": "Figure claim added",
  "source.propose": "Source proposed",
  "source.create": "Source created",
  "source.update": "Source edited",
  "source.approve": "Proposed source approved",
  "source.archive": "Source archived",
  "source.restore": "Source restored",
  "source.delete": "Source deleted",
  "source.merge": "Source merged into another",
  "source.merge.receive": "Source received a merge",
  "translation.save": "Translation saved",
  "translation.delete": "Translation removed",
  "seed.create": "Imported from a seed case file",
};

const languageNames: Record<string, string> = { ar: "Arabic", en: "English" };

/**
 * The log's line for one event. A translation row says which language and which text it
 * translates ("Arabic translation revised: Development title"), since its own id names
 * nothing a reader of the log would recognise.
 */
export function auditEventLabel(event: StoredAuditEvent): string {
  if (event.action === "translation.save" || event.action === "translation.delete") {
    const row = event.action === "translation.save" ? event.after : event.before;
    const language = languageNames[row.locale] ?? row.locale;
    const verb = event.action === "translation.delete" ? "removed" : event.before ? "revised" : "added";
    return `${language} translation ${verb}: ${fieldLabels[row.field]}`;
  }
  return auditActionLabels[event.action];
}
