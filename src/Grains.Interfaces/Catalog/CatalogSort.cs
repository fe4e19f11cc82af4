namespace Spin.Grains.Interfaces.Catalog;

/// <summary>The orders <c>/api/mints</c> offers.</summary>
public enum CatalogSort : byte
{
    SlotDesc = 1,
    SlotAsc = 2,
    LastTradeDesc = 3,
    VolumeDesc = 4,
}
