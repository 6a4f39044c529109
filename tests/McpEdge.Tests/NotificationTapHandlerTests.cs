using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Tests;

/// <summary>The tap hears each notification of an event-stream answer before the bytes after it are handed on.</summary>
public sealed class NotificationTapHandlerTests
{
    private const string Progress = """{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"t","progress":1}}""";
    private const string Result = """{"jsonrpc":"2.0","id":1,"result":{"content":[]}}""";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Notifications_are_heard_in_order_before_the_result_whatever_the_line_ends_and_chunks(string newline)
    {
        var body = $"event: message{newline}data: {Progress}{newline}{newline}: a comment{newline}data:{Progress.Replace("1}}", "2}}", StringComparison.Ordinal)}{newline}{newline}"
            + $"id: 7{newline}data: {Result}{newline}{newline}";
        var handedOn = 0;
        var heardAt = new List<int>();

        var passed = await ReadInChunksAsync(body, "text/event-stream", chunk: 3, read => handedOn += read, _ => heardAt.Add(handedOn));

        Assert.Equal(body, passed);
        Assert.Equal(2, heardAt.Count);
        // Each was heard before any byte of the result was handed on.
        Assert.All(heardAt, at => Assert.True(at <= body.IndexOf(Result, StringComparison.Ordinal), $"heard after {at} bytes"));
    }

    [Fact]
    public async Task Multi_line_data_is_joined_and_json_answers_and_oversized_events_are_left_alone()
    {
        var split = Progress.Replace(",\"params\"", "\ndata: ,\"params\"", StringComparison.Ordinal);
        var huge = new string('x', 300 * 1024);
        var body = $"data: {split}\n\ndata: {{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{{\"level\":\"info\",\"data\":\"{huge}\"}}}}\n\n";
        var heard = new List<JsonRpcNotification>();

        await ReadInChunksAsync(body, "text/event-stream", chunk: 4096, _ => { }, heard.Add);
        await ReadInChunksAsync(Progress, "application/json", chunk: 4096, _ => { }, heard.Add);

        Assert.Equal(NotificationMethods.ProgressNotification, Assert.Single(heard).Method);
    }

    [Fact]
    public async Task A_notification_split_inside_its_characters_is_heard_whole()
    {
        const string text = "Grüße, 東京 😀";
        var body = $"data: {{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{{\"level\":\"info\",\"data\":\"{text}\"}}}}\r\n\r\n";
        var heard = new List<JsonRpcNotification>();

        // One byte at a time: every multi-byte character and the CRLF are split across reads.
        await ReadInChunksAsync(body, "text/event-stream", chunk: 1, _ => { }, heard.Add);

        Assert.Equal(text, Assert.Single(heard).Params!["data"]!.GetValue<string>());
    }

    /// <summary>Reads the answer through the tap <paramref name="chunk"/> bytes at a time; the text handed on.</summary>
    private static async Task<string> ReadInChunksAsync(string body, string mediaType, int chunk, Action<int> handedOn, Action<JsonRpcNotification> listener)
    {
        using var invoker = new HttpMessageInvoker(new NotificationTapHandler(new Answering(body, mediaType)));
        UpstreamNotifications.Listen(listener);
        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://upstream.test/mcp"), CancellationToken.None);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var bytes = new List<byte>();
        var buffer = new byte[chunk];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            handedOn(read);
            bytes.AddRange(buffer.AsSpan(0, read).ToArray());
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private sealed class Answering(string body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
