using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Server.Pages.Console;

/// <summary>A message with every event of its timeline: each attempt and the remote server's reply.</summary>
public sealed record MessageTrace(StoredMessage Message, string TypeName, IReadOnlyList<DeliveryEvent> Timeline);
