/// <summary>Makes the generated entry point visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program
{
}
