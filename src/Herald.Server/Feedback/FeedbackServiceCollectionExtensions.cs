using Herald.Core.Delivery;
using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Lifecycle;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Server.Configuration;
using Herald.Server.Feedback.Webhooks;
using Herald.Server.Inbound;
using Herald.Server.Providers;
using Herald.Smtp.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Server.Feedback;

/// <summary>The feedback loop's services: ledger, policy, gate, observer, inbound listener, provider webhooks, outbound webhooks.</summary>
internal static class FeedbackServiceCollectionExtensions
{
    public static IServiceCollection AddHeraldFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        var herald = configuration.GetSection("Herald");
        services.Configure<FeedbackOptions>(herald.GetSection("Feedback"));
        services.AddSingleton<WebhookOutboxFactory>();
        services.AddSingleton<IWebhookOutbox>(sp => new Telemetry.CountingWebhookOutbox(
            sp.GetRequiredService<WebhookOutboxFactory>(), sp.GetRequiredService<Telemetry.HeraldMetrics>()));
        services.AddSingleton(sp => new FeedbackService(sp.GetRequiredService<IFeedbackStore>(), sp.GetRequiredService<IWebhookOutbox>(),
            sp.GetRequiredService<IOptions<FeedbackOptions>>().Value.Policy, sp.GetRequiredService<TimeProvider>(), sp.GetService<ErasedAddresses>()));
        services.AddSingleton(sp => new UnblockService(sp.GetRequiredService<FeedbackService>(), sp.GetRequiredService<MessageIntake>(),
            sp.GetRequiredService<IMessageStore>(), sp.GetRequiredService<IOptions<FeedbackOptions>>().Value.ProbeType));
        services.AddSingleton(sp => new WebhookDeliveries(sp.GetRequiredService<IFeedbackStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WebhookEndpoints>();
        services.AddSingleton<ISendGate, SuppressionGate>();
        services.AddSingleton<IOutcomeObserver>(sp => sp.GetRequiredService<FeedbackService>());
        services.AddHttpClient(WebhookWorker.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        if (NodeRoles.From(configuration).Webhooks)
        {
            services.AddHostedService<WebhookWorker>();
        }

        var inbound = herald.GetSection("Inbound");
        if (InboundConfiguration.Runs(configuration))
        {
            services.AddSingleton<IReturnPathDirectory, ReturnPathDirectory>();
            services.AddSingleton<IInboundMailSink, InboundFeedbackSink>();
            var listener = BounceListenerConfiguration.Read(inbound);
            // Unless set, the greeting names the bounce domain: the host bounces are addressed to.
            services.AddHeraldBounceListener(inbound["ServerName"] is null
                ? listener with { ServerName = herald["BounceDomain"] ?? listener.ServerName }
                : listener);
            services.AddHostedService<BounceListenerHost>();
        }

        // IFeedbackStore and IReplayGuard come from AddHeraldStorage, called before this: the provider webhooks'
        // in-memory replay guard is only a TryAdd default.
        services.AddSingleton<IProviderEventSink, ProviderFeedbackSink>();
        var arns = herald.GetSection("Providers:Ses:AllowedTopicArns").Get<string[]>() ?? [];
        if (arns.Length > 0)
        {
            services.AddHeraldSesWebhook(new SesWebhookOptions { AllowedTopicArns = arns });
        }

        if (herald["Providers:Mailgun:SigningKey"] is { Length: > 0 } key)
        {
            services.AddHeraldMailgunWebhook(new MailgunWebhookOptions { SigningKey = key });
        }

        return services;
    }
}
