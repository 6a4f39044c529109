using System.Net;
using ModelContextProtocol;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Tests;

public sealed class UpstreamFailureTests
{
    private static readonly UpstreamSource Source = new(
        Guid.NewGuid(), UpstreamSourceKind.Install, "tickets", "Tickets MCP", new Uri("https://tickets.example/mcp"), "oauth-discovered",
        [], [], TimeSpan.FromSeconds(30), Connected: true, UnusableReason: null);

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, UpstreamFailure.CredentialRefused, true)]
    [InlineData(HttpStatusCode.Forbidden, UpstreamFailure.CredentialRefused, true)]
    [InlineData(HttpStatusCode.BadGateway, UpstreamFailure.Unavailable, false)]
    [InlineData(HttpStatusCode.NotFound, UpstreamFailure.UpstreamError, false)]
    public void Http_statuses_are_classified(HttpStatusCode status, string errorClass, bool credentialRejected)
    {
        var failure = UpstreamFailure.From(new McpException("wrapped", new HttpRequestException("x", null, status)), Source);

        Assert.Equal(errorClass, failure.ErrorClass);
        Assert.Equal(credentialRejected, failure.CredentialRejected);
        Assert.Contains("Tickets MCP", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_connection_says_the_integration_cannot_be_reached()
    {
        var failure = UpstreamFailure.From(new HttpRequestException(HttpRequestError.ConnectionError, "refused"), Source);

        Assert.Equal(UpstreamFailure.Unavailable, failure.ErrorClass);
        Assert.StartsWith("Tickets MCP cannot be reached right now (connection refused or reset)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upstream_json_rpc_error_keeps_its_message()
    {
        var failure = UpstreamFailure.From(new McpProtocolException("no such ticket", McpErrorCode.InvalidParams), Source);

        Assert.Equal(UpstreamFailure.UpstreamError, failure.ErrorClass);
        Assert.Contains("no such ticket", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.SessionBroken);
    }

    [Fact]
    public void Not_connected_and_timeouts_tell_what_to_do()
    {
        Assert.Equal(UpstreamFailure.NotConnected, UpstreamFailure.From(new UpstreamNotConnectedException(Source.ConnectHint), Source).ErrorClass);
        Assert.StartsWith("Not connected: connect Tickets MCP (integration 'tickets')", Source.ConnectHint, StringComparison.Ordinal);
        Assert.Contains("did not answer within 30 s", UpstreamFailure.TimedOut(Source, TimeSpan.FromSeconds(30)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", true)]
    [InlineData("delete", false)]
    [InlineData("other", false)]
    public void Deny_wins_and_a_non_empty_allow_list_admits_only_its_tools(string tool, bool exposed)
    {
        var source = Source with { AllowedTools = ["search", "delete"], DeniedTools = ["delete"] };

        Assert.Equal(exposed, source.Exposes(tool));
        Assert.True((Source with { DeniedTools = ["delete"] }).Exposes("other"));
    }
}
