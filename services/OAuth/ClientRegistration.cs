namespace Platform.OAuth;

/// <summary>The client the engine presents to one authorization server. The secret never appears in ToString.</summary>
public sealed record ClientRegistration(ClientRegistrationKind Kind, string ClientId, string? ClientSecret, string TokenEndpointAuthMethod)
{
    public override string ToString() => $"ClientRegistration {{ Kind = {Kind}, ClientId = {ClientId}, TokenEndpointAuthMethod = {TokenEndpointAuthMethod} }}";
}
