namespace Herald.Core.Messages;

/// <summary>Delivery priority of a notification type. Lower value is claimed first.</summary>
public enum Priority
{
    Critical = 0,
    Normal = 1,
    Bulk = 2,
}
