using System.Reflection;
using Herald.Core.Queue;

namespace Herald.Core.Tests.Architecture;

/// <summary>The core holds the domain and policies only (Hangfire.Core vs Hangfire.SqlServer): no sockets, SQL or ASP.NET.</summary>
public sealed class CoreHasNoIoTests
{
    private static readonly string[] Forbidden =
    [
        "MailKit", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Npgsql", "Microsoft.AspNetCore", "DnsClient", "SmtpServer",
        "System.Net.Sockets", "System.Net.Http", "System.Data", "Microsoft.Data",
    ];

    [Fact]
    public void Herald_Core_references_no_IO_assembly()
    {
        var references = typeof(IDeliveryQueue).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        references.ShouldContain("MimeKit");
        foreach (var name in references)
        {
            Forbidden.ShouldNotContain(f => name.StartsWith(f, StringComparison.Ordinal), $"Herald.Core references {name}");
        }
    }

    [Fact]
    public void Herald_Core_types_use_no_socket_file_or_http_type()
    {
        var offenders = typeof(IDeliveryQueue).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Select(f => (t, f.FieldType)))
            .Where(p => p.FieldType.Namespace is "System.Net.Sockets" or "System.Net.Http" or "System.IO" && p.FieldType != typeof(Stream))
            .Select(p => $"{p.t.FullName}: {p.FieldType.FullName}")
            .ToArray();
        offenders.ShouldBeEmpty();
    }
}
