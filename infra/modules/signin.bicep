// The Function App's built-in authentication (Easy Auth) with the Microsoft identity provider (Entra ID), for the
// staff web page only. The platform never requires a session: requests without one pass through to the app, because
// the API is called with API keys and Entra ID bearer tokens that the app validates itself, and the web page sends a
// visitor without a session to /.auth/login/aad. The app reads the signed-in user from X-MS-CLIENT-PRINCIPAL
// (Web__EasyAuth__Enabled, set with this module) and maps them to the EN's staff (Web__EasyAuth__Staff).
param appName string

@description('The app registration\'s application (client) ID.')
param clientId string

@description('The directory (tenant) ID the app registration and the staff\'s accounts are in.')
param tenantId string


@description('Audiences the platform accepts in bearer tokens besides the client ID: the API\'s own audience, so that tokens meant for the app pass through to it.')
param allowedAudiences string[]

@description('The app\'s own https origin: same-site form posts that carry a platform session name it (the platform\'s cross-site request check).')
param appOrigin string

@export()
@description('The app setting that holds the client secret (a Key Vault reference, set by functionapp.bicep): the name App Service\'s own setup gives it.')
var clientSecretSettingName = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      // Never a platform-wide sign-in: API callers have no session, and the app refuses what it must itself.
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          clientSecretSettingName: clientSecretSettingName
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: union([clientId, 'api://${clientId}'], allowedAudiences)
        }
      }
    }
    login: {
      // The app needs only the user's claims (the header), not Entra ID's tokens; Flex Consumption instances have no
      // lasting file system to keep a token store on.
      tokenStore: {
        enabled: false
      }
      allowedExternalRedirectUrls: [appOrigin]
    }
  }
}

