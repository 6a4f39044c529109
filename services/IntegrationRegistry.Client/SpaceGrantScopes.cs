namespace Platform.IntegrationRegistry.Client;

/// <summary>How much of a Space a grant lets its agent read.</summary>
public static class SpaceGrantScopes
{
    /// <summary>Events whose credential subject is the person the agent acts for, and events with no subject.</summary>
    public const string Person = "person";

    /// <summary>Every event of the Space.</summary>
    public const string WholeSpace = "whole-space";

    public static readonly IReadOnlyList<string> All = [Person, WholeSpace];
}
