using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Health;

/// <summary>
/// Writes <c>{"status","service","instance","checks":{name:{status,description}}}</c>.
/// Exception messages are never written, and anything that looks like a credential is masked.
/// </summary>
public static partial class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var identity = context.RequestServices.GetRequiredService<ServiceIdentity>();
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";

        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteString("service", identity.Service);
        json.WriteString("instance", identity.Instance);
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", SafeDescription(entry));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    /// <summary>A description fit for an unauthenticated endpoint.</summary>
    public static string? SafeDescription(HealthReportEntry entry)
    {
        var description = entry.Description;
        if (entry.Exception is { } exception && (description is null || description.Contains(exception.Message, StringComparison.Ordinal)))
        {
            // The health check service uses the exception message as the description when a check throws.
            description = $"Check failed ({exception.GetType().Name})";
        }
        return description is null ? null : Redact(description);
    }

    /// <summary>Masks URI user info (<c>amqp://user:pass@</c>) and <c>password=...</c> pairs.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = UserInfo().Replace(text, "$1***@");
        return PasswordPair().Replace(masked, "$1=***");
    }

    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.\-]*://)[^/@\s]+@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?i)\b(password|pwd|secret|token)\s*=\s*[^;,\s]+")]
    private static partial Regex PasswordPair();
}
