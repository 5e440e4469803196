using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Portal;
using Herald.Core.Queue;
using Herald.Core.Recipients;

namespace Herald.Storage.Tests.Contract;

/// <summary>Every storage port of one node, all on the same database.</summary>
public sealed record StorePorts(
    IDeliveryQueue Queue, IMessageStore Messages, IRecipientStore Recipients, IFeedbackStore Feedback, IReplayGuard ReplayGuard,
    IApiKeyStore ApiKeys, IStoreHealth Health, IOperatorStore Operators, IPortalLinkStore PortalLinks);
