using System.Text;

namespace Herald.Server.Providers;

/// <summary>
/// The canonical string SNS signs (AWS SNS developer guide, "Verifying the signatures of Amazon SNS messages"):
/// selected fields in byte order of their names, each as "Name\nValue\n".
/// </summary>
internal static class SnsStringToSign
{
    /// <returns>null when a field the type requires is missing.</returns>
    public static byte[]? Build(SnsMessage message)
    {
        var text = new StringBuilder();
        void Add(string name, string value) => text.Append(name).Append('\n').Append(value).Append('\n');

        Add("Message", message.Message);
        Add("MessageId", message.MessageId);
        if (message.Type == SnsMessage.Notification)
        {
            if (message.Subject is not null)
            {
                Add("Subject", message.Subject);
            }

            Add("Timestamp", message.Timestamp);
        }
        else
        {
            if (message.SubscribeUrl is null || message.Token is null)
            {
                return null;
            }

            Add("SubscribeURL", message.SubscribeUrl);
            Add("Timestamp", message.Timestamp);
            Add("Token", message.Token);
        }

        Add("TopicArn", message.TopicArn);
        Add("Type", message.Type);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
