using System.Globalization;
using Spin.Chain.Binary;

namespace Spin.Gateway.Api;

/// <summary>Parses and validates query parameters with spin-server's defaults and messages.</summary>
public static class QueryParameters
{
    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 1000;

    /// <summary>A required base58 address parameter.</summary>
    public static string Address(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new BadRequestException($"{name} parameter cannot be empty");
        }

        return PublicKey.IsValid(value) ? value : throw new BadRequestException($"{name} parameter must be a base58 address of 32 bytes");
    }

    /// <summary>The page size: default 50, at most 1000.</summary>
    public static int Limit(string? value)
    {
        var limit = Integer(value, "limit", 50);
        return limit switch
        {
            > MaxLimit => throw new BadRequestException("limit cannot exceed 1000"),
            < 0 => throw new BadRequestException("limit must not be negative"),
            _ => (int)limit,
        };
    }

    /// <summary>The 1-based page: default 1.</summary>
    public static int Page(string? value)
    {
        var page = Integer(value, "page", 1);
        return page < 1 ? throw new BadRequestException("page must be greater than 0")
            : page > int.MaxValue ? throw new BadRequestException("page is too large") : (int)page;
    }

    /// <summary>An optional non-negative Unix time in seconds.</summary>
    public static long? OptionalTime(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var time = Integer(value, name, 0);
        return time < 0 ? throw new BadRequestException($"{name} must be a Unix time in seconds") : time;
    }

    /// <summary>One of the allowed values, or the default when absent.</summary>
    public static string OneOf(string? value, string name, string defaultValue, params string[] allowed)
    {
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        return allowed.Contains(value, StringComparer.Ordinal) ? value
            : throw new BadRequestException($"{name} must be {string.Join(" or ", allowed.Select(a => $"'{a}'"))}");
    }

    private static long Integer(string? value, string name, long defaultValue)
    {
        if (value is null)
        {
            return defaultValue;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result
            : throw new BadRequestException($"{name} must be an integer");
    }
}
