using System.Text;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Http;

namespace Platform.McpEdge.Tests;

public sealed class JsonRpcBodyReaderTests
{
    [Fact]
    public void A_request_is_read_with_its_id()
    {
        var (message, error) = JsonRpcBodyReader.Parse("""{"jsonrpc":"2.0","id":"a","method":"tools/list"}"""u8);

        Assert.Null(error);
        var request = Assert.IsType<JsonRpcRequest>(message);
        Assert.Equal("tools/list", request.Method);
        Assert.Equal("a", request.Id.ToString());
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", typeof(JsonRpcNotification))]
    [InlineData("""{"jsonrpc":"2.0","id":3,"result":{}}""", typeof(JsonRpcResponse))]
    [InlineData("""{"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"x"}}""", typeof(JsonRpcError))]
    public void Notifications_and_responses_are_read(string body, Type type)
    {
        var (message, error) = JsonRpcBodyReader.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Null(error);
        Assert.IsType(type, message);
    }

    [Theory]
    [InlineData("{", -32700, false)]
    [InlineData("", -32700, false)]
    [InlineData("[]", -32600, false)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":9}", -32600, true)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"ping\"}", -32600, true)]
    [InlineData("\"text\"", -32600, false)]
    public void Bad_bodies_are_json_rpc_errors_with_400(string body, int code, bool echoesId)
    {
        var (message, error) = JsonRpcBodyReader.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Null(message);
        Assert.NotNull(error);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(code, error.Code);
        Assert.Equal(echoesId, error.Id.Id is not null);
    }
}
