// Every TicketFlow setting the app binds, as App Service app settings (configuration keys with ':' written as '__').
// Three kinds: what this deployment decides (storage endpoints, the identity, SendGrid as the provider, no first-run
// demo EN), what the operator gives (addresses, keys, Entra ID), and tuning that keeps the app's own default unless
// set. tests/Infra.Tests checks this list against what the app binds, so a renamed or new option fails CI.
// Not here on purpose: Storage__ConnectionString and Storage__AccountKey (shared-key access is off) and the local
// Azurite and outbox settings; the test names each with its reason. Lists (reminder offsets) and maps (Entra ID
// client applications) become one setting per item: Reminders__DisputeDaysBefore__0, Api__EntraId__Clients__<id>.

@export()
@sealed()
@description('Optional settings; each one left out keeps the app\'s default (the options classes document them).')
type TuningSettings = {
  @description('Prefix of every record table\'s name (letters and digits), so installations can share an account.')
  Storage__Records__TablePrefix: string?
  @description('Retries of a failed storage request.')
  Storage__MaxRetries: int?
  @description('First back-off of a storage retry (hh:mm:ss).')
  Storage__RetryDelay: string?
  @description('Table of sent-email records (idempotency).')
  Email__SentEmailTableName: string?
  @description('Table of delivery events from the Event Webhook.')
  Email__DeliveryEventTableName: string?
  @description('SendGrid API base address.')
  Email__SendGrid__BaseUrl: string?
  @description('SendGrid retries after a 429, 5xx or network failure.')
  Email__SendGrid__MaxRetryAttempts: int?
  @description('First SendGrid back-off without Retry-After (hh:mm:ss).')
  Email__SendGrid__RetryBaseDelay: string?
  @description('Longest single SendGrid wait (hh:mm:ss).')
  Email__SendGrid__MaxRetryDelay: string?
  @description('How old a webhook\'s signed timestamp may be (hh:mm:ss).')
  Email__SendGrid__WebhookMaxAge: string?
  @description('Hour of the day (EN time zone) reminders are sent.')
  Reminders__ReminderHour: int?
  @description('How many months of case notes a ticket\'s records keep in view (1 to 120).')
  Rulebook__CaseNoteWindowMonths: int?
  @description('The IANA time zone deadlines are counted in where an EN has none of its own, e.g. America/New_York.')
  Rulebook__TimeZoneId: string?
  @description('Requests one caller may make in each rate window.')
  Api__Security__RequestsPerWindow: int?
  @description('The rate window (hh:mm:ss).')
  Api__Security__RateWindow: string?
  @description('How long an API key or EN record is reused before it is read again (hh:mm:ss, at most 00:10:00).')
  Api__Security__RecordCacheDuration: string?
  @description('Requests one client address may make in each rate window before it has a valid key.')
  Api__Security__AnonymousRequestsPerWindow: int?
  @description('How long an Idempotency-Key claim in progress holds before a retry may take it over (hh:mm:ss).')
  Api__IdempotencyLease: string?
  @description('How long this host checks a ticket\'s next event against the events it accepted before (hh:mm:ss).')
  Api__AcceptedEventMemory: string?
  @description('Entra ID authority host.')
  Api__EntraId__Instance: string?
  @description('App role that makes a caller the operator.')
  Api__EntraId__AdministratorRole: string?
  @description('Clock tolerance for token lifetimes (hh:mm:ss).')
  Api__EntraId__ClockSkew: string?
  @description('How long the tenant\'s signing keys are used before they are read again (hh:mm:ss).')
  Api__EntraId__KeyRefreshInterval: string?
  @description('Least time between two forced reads of the signing keys (hh:mm:ss).')
  Api__EntraId__MinimumKeyRefreshInterval: string?
}

@export()
@sealed()
@description('Reminder offsets in days before a due date; a list given replaces the app\'s default list for that deadline.')
type ReminderOffsets = {
  @description('Before the IWP submission due date (default 7, 2, 0).')
  iwpSubmission: int[]?
  @description('Before an Initial Job Acquisition follow-up is due (default 20, 10, 3).')
  initialJobAcquisitionContact: int[]?
  @description('Before an Ongoing Support follow-up is due (default 60, 30, 10).')
  ongoingSupportContact: int[]?
  @description('Before unassignment for lost contact is due (default 14, 7, 1).')
  unassignment: int[]?
  @description('Before a dispute deadline (default 7, 2, 0).')
  dispute: int[]?
  @description('Before an S&S review is due (default 14, 7, 2, 0).')
  servicesAndSupportsReview: int[]?
}

@description('One app setting per list item: pattern has {0} where the item\'s index goes.')
func listSettings(pattern string, items int[]) object =>
  toObject(range(0, length(items)), i => format(pattern, i), i => string(items[i]))

param storageAccountName string
param tableEndpoint string
param blobEndpoint string
param documentsContainerName string
param identityClientId string
param sendGridApiKeyReference string
param sendGridWebhookVerificationKey string
param emailFromAddress string
param emailFromName string
param emailReplyToAddress string
param emailStaffAlertAddress string
param employmentNetworkName string
param administratorKeyHash string
param entraIdTenantId string
param entraIdAudience string
@description('Whether the Function App\'s built-in authentication is in front of the app (signin.bicep is deployed).')
param easyAuthEnabled bool
@description('Who is which EN\'s staff when signed in through it: user=PID/staffId entries separated by \';\'.')
param easyAuthStaff string
@description('The app\'s public https address: Location and management links are built from it, never from a request\'s Host header.')
param publicBaseUrl string
param tuning TuningSettings
param reminderOffsets ReminderOffsets
@description('Entra ID client application id to EN PID; written without the id\'s dashes, which setting names cannot hold.')
param entraIdClients object

var decided = {
  Storage__AccountName: storageAccountName
  Storage__TableEndpoint: tableEndpoint
  Storage__BlobEndpoint: blobEndpoint
  Storage__Authentication: 'EntraId'
  Storage__ManagedIdentityClientId: identityClientId
  Storage__DocumentsContainerName: documentsContainerName
  // Never fall back to a local emulator in Azure: a missing endpoint must fail the start, not start Azurite.
  Storage__StartAzuriteWhenNotConfigured: 'false'
  Email__Provider: 'SendGrid'
  Email__SendGrid__ApiKey: sendGridApiKeyReference
  Api__PublicBaseUrl: publicBaseUrl
}

var given = {
  Email__FromAddress: emailFromAddress
  Email__FromName: emailFromName
  Email__ReplyToAddress: emailReplyToAddress
  Email__StaffAlertAddress: emailStaffAlertAddress
  Email__EmploymentNetworkName: employmentNetworkName
  Email__SendGrid__WebhookVerificationKey: sendGridWebhookVerificationKey
  Api__Security__AdministratorKeyHash: administratorKeyHash
  Api__EntraId__TenantId: entraIdTenantId
  Api__EntraId__Audience: entraIdAudience
  // The header X-MS-CLIENT-PRINCIPAL is trusted only when the platform's authentication sets it.
  Web__EasyAuth__Enabled: easyAuthEnabled ? 'true' : 'false'
  Web__EasyAuth__Staff: easyAuthStaff
}

var tuned = toObject(filter(items(tuning), setting => setting.value != null), setting => setting.key, setting => string(setting.value))

var offsets = union(
  listSettings('Reminders__IwpSubmissionDaysBefore__{0}', reminderOffsets.?iwpSubmission ?? []),
  listSettings('Reminders__InitialJobAcquisitionContactDaysBefore__{0}', reminderOffsets.?initialJobAcquisitionContact ?? []),
  listSettings('Reminders__OngoingSupportContactDaysBefore__{0}', reminderOffsets.?ongoingSupportContact ?? []),
  listSettings('Reminders__UnassignmentDaysBefore__{0}', reminderOffsets.?unassignment ?? []),
  listSettings('Reminders__DisputeDaysBefore__{0}', reminderOffsets.?dispute ?? []),
  listSettings('Reminders__ServicesAndSupportsReviewDaysBefore__{0}', reminderOffsets.?servicesAndSupportsReview ?? []))

var clients = toObject(items(entraIdClients), client => format('Api__EntraId__Clients__{0}', replace(client.key, '-', '')), client => string(client.value))

@description('TicketFlow\'s app settings, names to values.')
output appSettings object = union(decided, given, tuned, offsets, clients)
