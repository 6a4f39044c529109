namespace Platform.Tests.Infrastructure;

/// <summary>Tests that share the one running platform; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<DistributedApplicationFixture>
{
    public const string Name = "platform";
}
