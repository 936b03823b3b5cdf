// Application Insights on a Log Analytics workspace. Local (instrumentation key) authentication is off: the app
// sends telemetry with its managed identity (Monitoring Metrics Publisher, see roles.bicep).
param workspaceName string
param applicationInsightsName string
param location string
param tags object

@description('Days Log Analytics keeps data; 30 is included in the price.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString
