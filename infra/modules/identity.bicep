// The one identity the app uses for storage, the vault and Application Insights: user-assigned, so that its roles
// exist before the app's first start and survive the app being recreated.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
