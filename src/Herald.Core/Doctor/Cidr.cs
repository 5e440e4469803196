using System.Net;

namespace Herald.Core.Doctor;

/// <summary>Prefix matching for SPF's ip4/ip6 mechanisms and a/mx's CIDR lengths (RFC 7208 section 5.6).</summary>
internal static class Cidr
{
    public static bool Contains(IPAddress network, int prefix, IPAddress address)
    {
        if (network.AddressFamily != address.AddressFamily)
        {
            return false;
        }

        var a = network.GetAddressBytes();
        var b = address.GetAddressBytes();
        prefix = Math.Clamp(prefix, 0, a.Length * 8);
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
