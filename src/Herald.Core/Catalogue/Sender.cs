namespace Herald.Core.Catalogue;

public sealed record Sender(string Name, string Address, string Route);
