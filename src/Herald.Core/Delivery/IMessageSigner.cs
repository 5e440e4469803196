using MimeKit;

namespace Herald.Core.Delivery;

/// <summary>Signs a message in place (DKIM), chosen by the From domain. A no-op where no key is configured.</summary>
public interface IMessageSigner
{
    void Sign(MimeMessage message);
}
