using System.Text;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Http;

namespace Platform.McpEdge.Tests;

public sealed class JsonRpcBodyReaderTests
{
    [Fact]
    public void A_request_is_read_with_its_id()
    {
        var (body, error) = JsonRpcBodyReader.Parse("""{"jsonrpc":"2.0","id":"a","method":"tools/list"}"""u8);

        Assert.Null(error);
        Assert.False(body!.IsBatch);
        var request = Assert.IsType<JsonRpcRequest>(Assert.Single(body.Messages));
        Assert.Equal("tools/list", request.Method);
        Assert.Equal("a", request.Id.ToString());
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", typeof(JsonRpcNotification))]
    [InlineData("""{"jsonrpc":"2.0","id":3,"result":{}}""", typeof(JsonRpcResponse))]
    [InlineData("""{"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"x"}}""", typeof(JsonRpcError))]
    public void Notifications_and_responses_are_read(string body, Type type)
    {
        var (parsed, error) = JsonRpcBodyReader.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Null(error);
        Assert.IsType(type, Assert.Single(parsed!.Messages));
    }

    [Theory]
    [InlineData("{", -32700, false)]
    [InlineData("", -32700, false)]
    [InlineData("[]", -32600, false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":9}", -32600, true)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"ping\"}", -32600, true)]
    [InlineData("\"text\"", -32600, false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"ping\"}", -32600, false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\\udc00\"}}", -32600, false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\",\"arguments\":{\"\\ud83d\":1}}}", -32600, false)]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"ping\"}]", -32600, false)]
    public void Bad_bodies_are_json_rpc_errors_with_400(string body, int code, bool echoesId)
    {
        var (parsed, error) = JsonRpcBodyReader.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Null(parsed);
        Assert.NotNull(error);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(code, error.Code);
        Assert.Equal(echoesId, error.Id.Id is not null);
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_is_a_parse_error_not_an_exception()
    {
        byte[] body = [.. "{\"jsonrpc\":\"2.0\",\"id\":\"ab"u8, 0xFF, 0xFE, 0xC3, .. "c\",\"method\":\"tools/call\",\"params\":{}}"u8];

        var (parsed, error) = JsonRpcBodyReader.Parse(body);

        Assert.Null(parsed);
        Assert.Equal((400, -32700), (error!.StatusCode, error.Code));
    }

    [Fact]
    public void An_escaped_surrogate_pair_is_ordinary_text()
    {
        var (body, error) = JsonRpcBodyReader.Parse("""{"jsonrpc":"2.0","id":"\ud83d\ude00","method":"ping"}"""u8);

        Assert.Null(error);
        Assert.Equal("\U0001F600", Assert.IsType<JsonRpcRequest>(Assert.Single(body!.Messages)).Id.ToString());
    }

    [Fact]
    public void A_batch_is_read_in_order_when_the_protocol_allows_it()
    {
        var (body, error) = JsonRpcBodyReader.Parse("""
            [{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":9}},{"jsonrpc":"2.0","id":"b","method":"tools/list"}]
            """u8, maxBatchMessages: 20);

        Assert.Null(error);
        Assert.True(body!.IsBatch);
        Assert.Collection(body.Messages,
            first => Assert.Equal("1", Assert.IsType<JsonRpcRequest>(first).Id.ToString()),
            second => Assert.IsType<JsonRpcNotification>(second),
            third => Assert.Equal("b", Assert.IsType<JsonRpcRequest>(third).Id.ToString()));
        Assert.Equal(default, body.RefusalId);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"}]""", 0, "belong to protocol version 2025-03-26 only")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"ping"},{"jsonrpc":"2.0","id":3,"method":"ping"}]""", 2, "at most 2 messages; this one holds 3")]
    [InlineData("[]", 20, "An empty JSON-RPC batch")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"},{"id":2}]""", 20, "Message 1 of the batch is not a valid JSON-RPC 2.0")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"},7]""", 20, "Message 1 of the batch is not a valid JSON-RPC 2.0")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":1,"method":"tools/list"}]""", 20, "repeats the id 1")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}]""", 20, "initialize must be sent on its own")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"result":{}}]""", 20, "not both")]
    public void Bad_batches_are_refused_whole_with_a_reason(string body, int maxBatchMessages, string reason)
    {
        var (parsed, error) = JsonRpcBodyReader.Parse(Encoding.UTF8.GetBytes(body), maxBatchMessages);

        Assert.Null(parsed);
        Assert.Equal(400, error!.StatusCode);
        Assert.Equal(-32600, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_that_is_not_json_is_a_parse_error() =>
        Assert.Equal(-32700, JsonRpcBodyReader.Parse("[{\"jsonrpc\":"u8, maxBatchMessages: 20).Error!.Code);
}
