using Herald.Core.Messages;
using MimeKit;

namespace Herald.Core.Delivery;

/// <summary>A rendered, signed message and its envelope, ready for a route.</summary>
/// <param name="MailFrom">The envelope sender: the per-message Return-Path on the bounce domain (VERP).</param>
/// <param name="Priority">Critical messages are given the next free connection before any other.</param>
public sealed record OutgoingEmail(string Route, string MailFrom, string RcptTo, MimeMessage Message, Priority Priority = Priority.Normal);
