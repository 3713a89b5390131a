using System.Security.Cryptography;
using System.Text;

namespace Fever.Data;

/// <summary>
/// The public id of an event: a name-based UUID (version 5, RFC 9562) of the provider's
/// (base_plan_id, plan_id) pair, so every replica, rebuild and environment derives the same id.
/// </summary>
public static class EventIdentity
{
    /// <summary>The RFC 9562 URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.</summary>
    public static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static Guid For(long basePlanId, long planId) =>
        NameBasedUuid(UrlNamespace, $"fever:plan:{basePlanId}:{planId}");

    public static Guid NameBasedUuid(Guid @namespace, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        Span<byte> input = stackalloc byte[16 + nameBytes.Length];
        @namespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        nameBytes.CopyTo(input[16..]);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
