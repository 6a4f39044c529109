namespace Platform.Hosting;

/// <summary>A value the application needs, such as a generated password; secret ones are masked everywhere.</summary>
public sealed class ParameterResource(string name, bool secret, int generatedLength = 22, bool special = true) : Resource(name)
{
    public bool Secret { get; } = secret;

    /// <summary>Length of the generated value when none is configured (Aspire's <c>generate.minLength</c>).</summary>
    public int GeneratedLength { get; } = generatedLength;

    /// <summary>Whether a generated value may contain special characters (Aspire's <c>generate.special</c>);
    /// false where the value goes into a URI unencoded.</summary>
    public bool Special { get; } = special;
}
