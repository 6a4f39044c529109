using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Platform.OAuth.Tests.RealServer;

[McpServerToolType]
public static class EchoTool
{
    [McpServerTool(Name = "echo"), Description("Answers with the message it was given.")]
    public static string Echo(string message) => $"echo: {message}";
}
