using Herald.Core.Catalogue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Herald.Server.Configuration;

/// <summary>How Herald reads its settings, shared by the server and <c>herald config check</c> so both see the same thing.</summary>
public static class HeraldConfiguration
{
    /// <summary>Puts the shipped defaults under every other source, so appsettings.json, environment and arguments win.</summary>
    public static void AddShippedDefaults(IConfigurationBuilder builder)
    {
        using var resource = typeof(HeraldConfiguration).Assembly.GetManifestResourceStream("Herald.Server.defaults.json")
            ?? throw new InvalidOperationException("defaults.json is not embedded in Herald.Server");
        var memory = new MemoryStream();
        resource.CopyTo(memory);
        memory.Position = 0;
        builder.Sources.Insert(0, new JsonStreamConfigurationSource { Stream = memory });
    }

    /// <summary>Every problem in the configuration, in words naming the setting; empty when Herald can start.</summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        var options = configuration.GetSection("Herald").Get<HeraldOptions>() ?? new HeraldOptions();
        var errors = new List<string>(CatalogueBuilder.Build(options.Catalogue, options.DefaultSender).Errors);
        errors.AddRange(Recipients.RecipientsConfiguration.Check(configuration, options.Catalogue));
        var delivery = options.Delivery;
        if (delivery.Concurrency < 1)
        {
            errors.Add("Herald:Delivery:Concurrency: must be at least 1");
        }

        if (delivery.CriticalConcurrency < 0)
        {
            errors.Add("Herald:Delivery:CriticalConcurrency: must not be negative");
        }

        if (delivery.LeaseDuration < TimeSpan.FromSeconds(10))
        {
            errors.Add("Herald:Delivery:LeaseDuration: must be at least 10 seconds, longer than any SMTP transaction");
        }

        errors.AddRange(Feedback.FeedbackConfiguration.Check(configuration));
        errors.AddRange(StorageConfiguration.Check(configuration));
        errors.AddRange(TransportConfiguration.Check(configuration));
        return errors;
    }

    /// <summary>The configuration the server would see when started from the current folder with these arguments.</summary>
    public static IConfigurationRoot Load(string[] args, string? file)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true);
        if (file is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        // DOTNET_ and ASPNETCORE_ first, as the host reads them: DOTNET_ENVIRONMENT becomes 'environment'.
        builder.AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddEnvironmentVariables().AddCommandLine(args);
        AddShippedDefaults(builder);
        return builder.Build();
    }
}
