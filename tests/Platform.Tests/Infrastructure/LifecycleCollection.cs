namespace Platform.Tests.Infrastructure;

/// <summary>Tests that start, stop and kill platforms of their own; they run after (never beside) the shared one.</summary>
[CollectionDefinition(Name)]
public sealed class LifecycleCollection
{
    public const string Name = "lifecycle";
}
