// The Function App on a Flex Consumption plan: Linux, .NET isolated worker, deployed by azd from a blob container,
// running as the user-assigned identity for storage (AzureWebJobsStorage__*), Key Vault references and telemetry.
param appName string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
@description('TicketFlow\'s own settings (settings.bicep).')
param ticketFlowSettings object
@description('Settings of the platform\'s built-in authentication when it is on (its client secret\'s Key Vault reference); empty when off.')
param authenticationSettings object = {}
param maximumInstanceCount int
param instanceMemoryMB int

@description('The .NET version of the isolated worker: the newest Flex Consumption offers (dotnet-isolated 10.0).')
param dotnetVersion string = '10.0'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  // azd finds the app to deploy src/Functions to by this tag (service "api" in azure.yaml).
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity, not a system-assigned one (there is none).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

// The host's own settings: identity-based AzureWebJobsStorage (also Durable Functions' task hub) and telemetry
// sent with the identity (Application Insights has local authentication off).
var platformSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(ticketFlowSettings, platformSettings, authenticationSettings)
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
