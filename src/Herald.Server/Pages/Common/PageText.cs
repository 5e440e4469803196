using System.Globalization;
using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Server.Pages.Common;

/// <summary>
/// Every sentence the pages show, in one place so that a translation replaces this class only. The reasons for a
/// bounce or a block are not here: they come from Herald.Bounces' explanations, the one home of that wording.
/// </summary>
public static class PageText
{
    public const string Product = "Herald";
    public const string SkipToContent = "Skip to content";

    // Email settings
    public const string SettingsTitle = "Email settings";
    public const string Banner = "We're having trouble emailing you";
    public const string BannerSuspended = "We stopped sending email to one of your addresses. Check it below: you can fix it in a minute.";
    public const string BannerProblem = "A mail server refused our email to one of your addresses. The details below say who can fix it.";
    public const string AddressesHeading = "Your addresses";
    public const string Primary = "primary";
    public const string Verified = "verified";
    public const string Unverified = "not verified yet";
    public const string StateOk = "We can email this address.";
    public const string StateOkWithCauses = "Nothing blocks this address on our side, but something may stop our emails: see below.";
    public const string SuspendedHeading = "Temporarily suspended emails";
    public const string ProblemHeading = "Our emails to this address are being refused";
    public const string Why = "Why";
    public const string Since = "Since";
    public const string Evidence = "What the mail server answered";
    public const string Unblock = "Unblock";
    public const string UnblockHint = "Fixed it? Press Unblock: we send one email to check, and if it arrives, everything goes back to normal.";
    public const string ComplaintLocked = "Our email to this address was reported as spam, so we stopped sending to it. Only our support team can turn it back on.";
    public const string ServerSaid = "The mail server's answer, exactly as received";
    public const string WhoMustAct = "Who can fix it";
    public const string WhatYouCanDo = "What you can do";
    public const string WhatItCanDo = "What your IT department can do";
    public const string ItPageLink = "A page for your IT department (printable)";
    public const string ResendVerification = "Re-send verification email";
    public const string UnverifiedHint = "This address is not confirmed yet. We sent you an email with a link; it may be in your spam folder.";
    public const string PreferencesHeading = "Contact preferences";
    public const string PreferencesHint = "Choose which emails you get. Changes apply at once, to emails already waiting too.";
    public const string Save = "Save preferences";
    public const string AlwaysOn = "Always on";
    public const string Saved = "Your preferences are saved.";
    public const string RecentHeading = "Recent notifications";
    public const string RecentEmpty = "No emails yet.";
    public const string ColumnEmail = "Email";
    public const string ColumnTo = "To";
    public const string ColumnWhen = "When";
    public const string ColumnStatus = "What happened";
    public const string TurnBackOn = "Turn it back on";
    public const string ItTitle = "For your IT department";
    public const string ItIntro = "Our emails to your organisation are being refused. Please allow email from the senders below; nothing else needs to change.";
    public const string ItFromDomains = "From domains (the sender people see)";
    public const string ItEnvelopeDomain = "Envelope (bounce) domain, the SMTP MAIL FROM";
    public const string ItDkimDomains = "DKIM signing domains (d=)";
    public const string ItSendingHosts = "Sending hosts and IP addresses";
    public const string ItNone = "none configured";
    public const string DoctorHeading = "What may stop these emails";
    public const string DoctorWho = "Who must act";
    public const string DoctorNext = "Next step";
    public const string ItWhere = "Where to allow it";
    public const string ItGateway = "security gateway, seen in your domain's MX records";
    public const string ItProvider = "mailbox provider, seen in your domain's MX records";
    public const string ItSigned = "The messages carry a DKIM signature for the domains above: an allow rule can require it to pass.";
    public const string ItNotSigned = "The messages are not DKIM-signed: allow them by the domains (and sending addresses) above.";
    public const string Print = "Use your browser's Print command to print this page.";
    public const string BackToSettings = "Back to your email settings";
    public const string SignedOutTitle = "Your session has ended";
    public const string SignedOut = "For your security, this page works for a short time only. Open your email settings again from the application.";
    public const string LinkInvalidTitle = "Link not valid";
    public const string PortalLinkInvalid = "This link is not valid: it expired, was used already, or was altered. Open your email settings again from the application.";
    public const string NotFoundTitle = "Not found";
    public const string NotFound = "There is nothing here for you.";
    public const string FormExpired = "This form expired or did not come from this site. Reload the page and try again.";

    // Unsubscribe, verification and preference links from emails
    public const string UnsubscribeTitle = "Unsubscribe";
    public const string UnsubscribedTitle = "Unsubscribed";
    public const string CannotUnsubscribeTitle = "Cannot unsubscribe";
    public const string UnsubscribeButton = "Unsubscribe";
    public const string LinkNotValid = "This link is not valid: it may have been altered, or it is not one Herald made.";
    public const string VerifyTitle = "Confirm your email address";
    public const string VerifyText = "Press the button to confirm this email address.";
    public const string VerifyButton = "Verify";
    public const string VerifiedTitle = "Address confirmed";
    public const string VerifyLinkInvalid = "This link is not valid: it has expired, was already used, was replaced by a newer one, or was altered. Ask for a new verification email.";
    public const string ManageSettings = "Manage your email settings";

    // Support console
    public const string ConsoleTitle = "Support console";
    public const string SignInTitle = "Sign in to the support console";
    public const string UserName = "User name";
    public const string Password = "Password";
    public const string SignIn = "Sign in";
    public const string SignOut = "Sign out";
    public const string SignInFailed = "The user name or the password is wrong.";
    public const string TooManySignIns = "Too many sign-in attempts. Wait a minute and try again.";
    public const string SearchLabel = "Address, recipient id or message id";
    public const string Search = "Search";
    public const string NothingFound = "Nothing matches that.";
    public const string History = "Suspension history";
    public const string Messages = "Messages";
    public const string Attempts = "Attempts and replies";
    public const string PreferenceDecisions = "Preference decisions";
    public const string Incidents = "Open domain incidents";
    public const string NoIncidents = "No open incidents.";
    public const string Note = "Note (required: it is kept in the history)";
    public const string LiftSuspension = "Lift the suspension";
    public const string Suspend = "Suspend this address";
    public const string Resend = "Re-send";
    public const string SendTest = "Send a test message";
    public const string NoteRequired = "Write a note: it is kept in the address's history with your name.";
    public const string SignedInAs = "Signed in as";
    public const string RecipientLabel = "Recipient";
    public const string StateLabel = "State";
    public const string None = "None.";
    public const string ColumnCategory = "Category";
    public const string ColumnDecided = "Decided";
    public const string ColumnWhat = "What";
    public const string ColumnWho = "Who";
    public const string ColumnDetail = "Detail";
    public const string ColumnEvent = "Event";
    public const string ColumnReply = "Remote reply";
    public const string ColumnDomain = "Domain";
    public const string ColumnAddresses = "Addresses";
    public const string ColumnFirstLast = "First, last";
    public const string ColumnLatestReply = "Latest reply";
    public const string DomainIncidents = "Incidents of this domain";
    public const string IncidentOpen = "open";

    /// <summary>A closed incident's state cell: when, and why (a delivery went through, or no hit for the window).</summary>
    public static string IncidentClosed(DateTimeOffset at, IncidentCloseReason? reason) =>
        $"closed {When(at)}" + (reason switch
        {
            IncidentCloseReason.Delivered => ", a message was delivered",
            IncidentCloseReason.Quiet => ", no new block",
            _ => "",
        });
    public const string On = "on";
    public const string Off = "off";
    public const string Locked = ", locked";
    public const string ByDefault = "default";
    public const string Webhooks = "Webhook deliveries";
    public const string WebhooksTitle = "Herald support: webhook deliveries";
    public const string NoWebhooks = "No webhook endpoint is configured (Herald:Feedback:Webhooks:<name>:Url).";
    public const string NoDeliveries = "No deliveries.";
    public const string AddressWebhooks = "Webhook deliveries about this address";
    public const string NotAttempted = "not attempted yet";
    public const string LastAttempt = "Last attempt";
    public const string ColumnEndpoint = "Endpoint";
    public const string ColumnWaiting = "Waiting";
    public const string ColumnDeadLetters = "Dead letters";
    public const string ColumnDelivery = "Delivery";
    public const string ColumnCreated = "Created";
    public const string ShowLabel = "Show";
    public const string AllStates = "all";
    public const string Replay = "Replay";
    public const string ReplayAll = "Replay every dead letter";

    public static string EndpointDeliveries(string endpoint) => $"Deliveries to {endpoint}";

    /// <summary>"30 Nov 2026, 15:00 UTC: failed (HTTP 500)"; the transport error when no answer came.</summary>
    public static string WebhookAttempt(WebhookAttempt a) => a.StatusCode is { } code
        ? $"{When(a.At)}: {(a.Delivered ? "delivered" : "failed")} (HTTP {code})"
        : $"{When(a.At)}: failed, {a.Error}";

    public static string Replayed(int count, string endpoint) => count == 0
        ? $"Nothing to replay: {endpoint} has no such dead letter."
        : $"Replayed {count} dead letter(s) to {endpoint}: they are sent again now.";

    public static string Lifted(string address) => $"Lifted the suspension of {address}.";

    public static string Suspended(string address) => $"Suspended {address}.";

    public static string Resent(string original, string copy) => $"Re-sent {original} as {copy}.";

    public static string NotResent(string original, string why) => $"{original} was not re-sent: {why}";

    public static string CannotResend(string original) =>
        $"{original} cannot be re-sent: its secret fields were erased when it ended. Ask the application to send a new one.";

    public static string NotAnAddress(string? address) => $"'{address}' is not one email address.";

    public static string TestSent(string address, string id) => $"Sent a test message to {address} ({id}).";

    public static string Attempt(int number) => $" (attempt {number})";

    public static string Via(string host) => $" via {host}";

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string SinceWhen(DateTimeOffset at) => $"Since {When(at)}";

    public static string BannerText(DeliverabilityState state) => state == DeliverabilityState.Suspended ? BannerSuspended : BannerProblem;

    public static string UnblockRefused(string refusal, DateTimeOffset? notBefore, string support) => notBefore is { } at
        ? $"We cannot unblock this address yet ({refusal}). You can try again after {When(at)}. {support}"
        : $"We cannot unblock this address here ({refusal}). {support}";

    public static string SupportContact(string? contact) => string.IsNullOrWhiteSpace(contact)
        ? "If you need help sooner, contact the application's support team."
        : $"If you need help sooner, contact support: {contact}.";

    public static string ProbeSent(string address) => $"We sent a test email to {address}. When it arrives, your emails start again.";

    public static string VerificationRequested(string address) => $"We sent a new verification email to {address}.";

    public static string VerificationRateLimited(TimeSpan window) => $"Too many verification emails were asked for; try again within {window.TotalMinutes:0} minutes.";

    public static string Expires(DateTimeOffset at) => $"We will try this address again by ourselves after {When(at)}.";

    public static string Actor(Herald.Bounces.Actor actor) => actor switch
    {
        Herald.Bounces.Actor.Recipient => "You",
        Herald.Bounces.Actor.RecipientIt => "Your IT department or email provider",
        Herald.Bounces.Actor.Sender => "Us, the sender: nothing for you to do",
        Herald.Bounces.Actor.Nobody => "Nobody: it should clear by itself",
        _ => actor.ToString(),
    };

    /// <summary>Who must act, told to a support agent about someone else's address (the console).</summary>
    public static string ActorForSupport(Herald.Bounces.Actor actor) => actor switch
    {
        Herald.Bounces.Actor.Recipient => "The recipient",
        Herald.Bounces.Actor.RecipientIt => "The recipient's IT department or email provider",
        Herald.Bounces.Actor.Sender => "Us, the sender (Herald's operator)",
        Herald.Bounces.Actor.Nobody => "Nobody: it should clear by itself",
        _ => actor.ToString(),
    };

    public static string StopReceiving(string category) => $"Stop receiving {category}?";

    public static string Unsubscribed(string category) => $"You will no longer receive {category}. You can turn them on again in your email settings.";

    public static string CannotTurnOff(string category) => $"{category} cannot be turned off.";

    public static string AddressConfirmed(string address) => $"{address} is confirmed. You can close this page.";

    /// <summary>A message's fate in plain words (the status line of "Recent notifications").</summary>
    public static string Status(MessageStatus status, DateTimeOffset? nextTry) => status switch
    {
        MessageStatus.Queued => "Waiting to be sent",
        MessageStatus.Deferred => nextTry is { } at ? $"Delayed: the mail server asked us to wait; next try at {When(at)}" : "Delayed: the mail server asked us to wait",
        MessageStatus.Delivered => "Delivered",
        MessageStatus.Failed or MessageStatus.Bounced => "Not delivered: the mail server refused it",
        MessageStatus.Expired => "Not delivered: it expired before the mail server accepted it",
        MessageStatus.Skipped => "Skipped because you turned these emails off",
        MessageStatus.Suppressed => "Not sent: we are not emailing this address (see above)",
        MessageStatus.Complained => "Reported as spam",
        MessageStatus.Caught => "Kept by the development mailbox (not sent anywhere)",
        MessageStatus.Throttled => "Not sent: too many of these in a short time",
        _ => status.ToWire(),
    };
}
