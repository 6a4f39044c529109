using System.Net;
using ModelContextProtocol;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Upstream;
using Platform.Outbound;

namespace Platform.McpEdge.Tests;

public sealed class UpstreamFailureTests
{
    private static readonly UpstreamSource Source = new(
        Guid.NewGuid(), UpstreamSourceKind.Install, "tickets", "Tickets MCP", new Uri("https://tickets.example/mcp"), "oauth",
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
    public void A_403_insufficient_scope_asks_for_a_wider_grant_and_does_not_reject_the_credential()
    {
        var failure = UpstreamFailure.From(new McpException("wrapped", new InsufficientScopeException("files:write")), Source);

        Assert.Equal(UpstreamFailure.CredentialRefused, failure.ErrorClass);
        Assert.False(failure.CredentialRejected);
        Assert.Equal("files:write", failure.RequiredScope);
        Assert.Contains("approve the scopes \"files:write\"", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, "Connection refused (10.1.2.3:5432)")]
    [InlineData(HttpRequestError.NameResolutionError, "Name or service not known (intranet.corp:8080)")]
    [InlineData(HttpRequestError.SecureConnectionError, "The SSL connection could not be established")]
    public void A_failed_connection_says_only_that_the_integration_cannot_be_reached(HttpRequestError error, string socketText)
    {
        var failure = UpstreamFailure.From(new HttpRequestException(error, socketText), Source);

        Assert.Equal(UpstreamFailure.Unavailable, failure.ErrorClass);
        Assert.Equal("Tickets MCP cannot be reached right now. Try again later.", failure.Message);
    }

    [Fact]
    public void A_server_error_does_not_tell_its_status()
    {
        var failure = UpstreamFailure.From(new HttpRequestException("x", null, HttpStatusCode.ServiceUnavailable), Source);

        Assert.Equal("Tickets MCP cannot be reached right now. Try again later.", failure.Message);
    }

    [Fact]
    public void An_outbound_refusal_names_neither_address_nor_setting()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new OutboundRefusedException("tickets.example"));

        var failure = UpstreamFailure.From(new McpException("wrapped", refused), Source);

        Assert.Equal(UpstreamFailure.OutboundRefused, failure.ErrorClass);
        Assert.True(failure.SessionBroken);
        Assert.Equal("Tickets MCP cannot be reached from this platform. If it should be, ask the platform operator.", failure.Message);
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
