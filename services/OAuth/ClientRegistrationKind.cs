namespace Platform.OAuth;

/// <summary>How the engine came to have a client id at an authorization server, in order of preference.</summary>
public enum ClientRegistrationKind
{
    PreRegistered,
    MetadataDocument,
    Dynamic,
}
