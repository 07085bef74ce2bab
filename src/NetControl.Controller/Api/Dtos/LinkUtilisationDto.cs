namespace NetControl.Controller.Api.Dtos;

/// <summary>
/// A link's measured utilisation: bit/s from end <see cref="A"/> to end <see cref="B"/> and back (null where not
/// measured), the link's capacity, and the busier direction in percent of it; <see cref="Source"/> says where it was
/// measured (<c>snmp</c>: the switches' IF-MIB octet counters).
/// </summary>
public sealed record LinkUtilisationDto(string Link, string A, string B, DateTimeOffset At, double? AToBBps, double? BToABps, double? CapacityBps, double? Percent, string Source);
