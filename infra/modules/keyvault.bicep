// The vault holding the SendGrid API key. Access is by Azure RBAC only; the app's identity may read secrets (see
// roles.bicep) and the app settings refer to the secret, so the key never appears in the site's configuration.
param name string
param location string
param tags object

@secure()
@description('The SendGrid API key; empty leaves the secret as it is (set later with `azd provision` or the portal).')
param sendGridApiKey string

@secure()
@description('The client secret of the app registration staff sign in through (Easy Auth); empty leaves the secret as it is.')
param easyAuthClientSecret string = ''

var sendGridApiKeySecretName = 'SendGridApiKey'
var easyAuthClientSecretName = 'EasyAuthClientSecret'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

// Written only when a key is given, so that a later `azd provision` without it does not blank a key set since.
resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridApiKeySecretName
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key (Mail Send)'
  }
}

// Written only when given, for the same reason: a later `azd provision` without it keeps the secret set before.
resource easyAuthClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(easyAuthClientSecret)) {
  parent: vault
  name: easyAuthClientSecretName
  properties: {
    value: easyAuthClientSecret
    contentType: 'Entra ID app registration client secret (staff sign-in)'
  }
}

output name string = vault.name
@description('The app setting value that makes App Service read the secret (its latest version) for the app.')
output sendGridApiKeyReference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${sendGridApiKeySecretName})'
@description('The same for the sign-in app registration\'s client secret.')
output easyAuthClientSecretReference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${easyAuthClientSecretName})'
