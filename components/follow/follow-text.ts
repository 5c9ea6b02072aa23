/** Every visible string of the alert pages (app/follow/), in one place for the message catalogs. */
export const followText = {
  checkInboxTitle: "Check your inbox",
  checkInbox:
    "If the address can receive mail, a message with a confirmation link is on its way. Nothing else is sent until you follow that link; it works for 48 hours.",
  invalid: "That does not look like an e-mail address. Go back and check it.",
  tooMany: "Too many sign-up requests came from here or for this address. Please try again in a quarter of an hour.",
  confirmTitle: "Confirm your alerts",
  confirmAsk: "Press the button to start receiving alerts at the address this link was sent to.",
  confirmButton: "Confirm alerts",
  confirmed: "Done: alerts will come to your inbox. Every alert has a link to stop them.",
  confirmInvalid:
    "This confirmation link is not valid any more: it was used already, it expired, or a newer one was sent. Sign up again to get a fresh one.",
  unsubscribeTitle: "Stop alerts",
  unsubscribeAsk: "Press the button to stop these alerts. Your address is deleted at once.",
  unsubscribeButton: "Unsubscribe",
  unsubscribed: "Done: you will get no more alerts, and your address has been deleted.",
  unsubscribeInvalid: "This unsubscribe link is not valid. If alerts keep coming, use the link in the latest one.",
  home: "Back to Parley",
};
