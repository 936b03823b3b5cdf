// TicketFlow on Azure: the Functions app (Flex Consumption, Linux, .NET isolated) with Durable Functions on Azure
// Storage, reached through a user-assigned managed identity only (no storage keys), Application Insights on a Log
// Analytics workspace, and a Key Vault for the SendGrid API key. `azd up` provisions this and deploys src/Functions.
targetScope = 'subscription'

import { TuningSettings, ReminderOffsets } from 'modules/settings.bicep'
import { clientSecretSettingName as easyAuthSecretSettingName } from 'modules/signin.bicep'

@minLength(1)
@maxLength(64)
@description('The azd environment name; it names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('The Azure region for every resource; it must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

@secure()
@description('The SendGrid API key (Mail Send permission). Stored in Key Vault; empty keeps the secret already there.')
param sendGridApiKey string = ''

@description('The Event Webhook verification key SendGrid shows for the Signed Event Webhook (a public key); empty turns the webhook off.')
param sendGridWebhookVerificationKey string = ''

@minLength(3)
@description('The sender address: a verified sender or an address on a domain authenticated in SendGrid.')
param emailFromAddress string

@description('The sender name recipients see, for example the Employment Network\'s name.')
param emailFromName string = 'TicketFlow'

@description('Where replies go, if not to the sender; empty for none.')
param emailReplyToAddress string = ''

@description('The staff inbox told when a ticketholder\'s address bounces; empty for none.')
param emailStaffAlertAddress string = ''

@description('The Employment Network\'s name, used in staff alerts.')
param employmentNetworkName string = 'your Employment Network'

@description('SHA-256 (lowercase hex) of the operator key\'s secret, from `ticketflow admin-key`; empty: no administrative key.')
param administratorKeyHash string = ''

@description('Microsoft Entra ID bearer tokens: the directory (tenant) id; empty turns them off (API keys keep working).')
param entraIdTenantId string = ''

@description('The audience Entra ID tokens must carry: TicketFlow\'s application id URI or client id.')
param entraIdAudience string = ''

@description('Entra ID client applications allowed to call the API, each mapped to its EN: { "<client id>": "P00001" }.')
param entraIdClients object = {}

@description('Staff sign-in to the web page with Microsoft Entra ID through the Function App\'s built-in authentication: the app registration\'s application (client) ID. Empty leaves it off (staff then sign in with staff credentials).')
param easyAuthClientId string = ''

@description('The directory (tenant) ID of that app registration and of the staff\'s accounts; empty: the subscription\'s tenant.')
param easyAuthTenantId string = ''

@secure()
@description('A client secret of that app registration. Stored in Key Vault; empty keeps the secret already there.')
param easyAuthClientSecret string = ''

@description('Who is which EN\'s staff when signed in through it: user=PID/staffId entries separated by \';\' (the user\'s UPN or email).')
param easyAuthStaff string = ''

@description('Settings whose defaults the app already has; set one only to change it (see modules/settings.bicep).')
param tuning TuningSettings = {}

@description('Reminder offsets (days before a due date) to use instead of the app\'s defaults, per deadline.')
param reminderOffsets ReminderOffsets = {}

@description('The most instances the Flex Consumption plan may scale the app out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance (Flex Consumption offers 512, 2048 and 4096 MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var functionAppName = 'func-${resourceToken}'
var tags = { 'azd-env-name': environmentName }
// The route prefix both hosts read from host.json; the API's base URL is built from the same file.
var routePrefix = loadJsonContent('../host.json').extensions.http.routePrefix
var easyAuth = !empty(easyAuthClientId)
var appOrigin = 'https://${functionAppName}.azurewebsites.net'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    workspaceName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    easyAuthClientSecret: easyAuthClientSecret
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: resourceGroup
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module settings 'modules/settings.bicep' = {
  name: 'settings'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    blobEndpoint: storage.outputs.blobEndpoint
    documentsContainerName: storage.outputs.documentsContainerName
    identityClientId: identity.outputs.clientId
    sendGridApiKeyReference: vault.outputs.sendGridApiKeyReference
    sendGridWebhookVerificationKey: sendGridWebhookVerificationKey
    emailFromAddress: emailFromAddress
    emailFromName: emailFromName
    emailReplyToAddress: emailReplyToAddress
    emailStaffAlertAddress: emailStaffAlertAddress
    employmentNetworkName: employmentNetworkName
    administratorKeyHash: administratorKeyHash
    entraIdTenantId: entraIdTenantId
    entraIdAudience: entraIdAudience
    easyAuthEnabled: easyAuth
    easyAuthStaff: easyAuthStaff
    publicBaseUrl: appOrigin
    tuning: tuning
    reminderOffsets: reminderOffsets
    entraIdClients: entraIdClients
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: resourceGroup
  params: {
    appName: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${storage.outputs.deploymentContainerName}'
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    ticketFlowSettings: settings.outputs.appSettings
    authenticationSettings: easyAuth ? { '${easyAuthSecretSettingName}': vault.outputs.easyAuthClientSecretReference } : {}
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The app starts on deployment: its identity must already reach storage, the vault and Application Insights.
  dependsOn: [roles]
}

// After the app and its settings (the client secret's setting must be there when the provider is turned on).
module signIn 'modules/signin.bicep' = if (easyAuth) {
  name: 'signin'
  scope: resourceGroup
  params: {
    appName: functionApp.outputs.name
    clientId: easyAuthClientId
    tenantId: empty(easyAuthTenantId) ? tenant().tenantId : easyAuthTenantId
    allowedAudiences: empty(entraIdAudience) ? [] : [entraIdAudience]
    appOrigin: appOrigin
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
@description('The API\'s base URL: every endpoint is below it, for example {base}/v1/tickets.')
output TICKETFLOW_API_BASE_URL string = 'https://${functionApp.outputs.defaultHostName}/${routePrefix}'
@description('Where SendGrid\'s Signed Event Webhook posts delivery events.')
output SENDGRID_EVENT_WEBHOOK_URL string = 'https://${functionApp.outputs.defaultHostName}/${routePrefix}/webhooks/sendgrid/events'
@description('The staff web page.')
output TICKETFLOW_WEB_URL string = 'https://${functionApp.outputs.defaultHostName}/${routePrefix}/web/'
@description('The redirect URI (type Web) to give the sign-in app registration.')
output EASYAUTH_REDIRECT_URI string = 'https://${functionApp.outputs.defaultHostName}/.auth/login/aad/callback'
