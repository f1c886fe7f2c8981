namespace NutPortal.Core.Contracts.Templates;

internal static class IotRegistry
{
    public const string Source = """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract DeviceData {
    struct Reading {
        int256 value;
        uint256 blockNumber;
    }

    address public registry;
    mapping(bytes32 => Reading[]) private _readings;

    event ReadingStored(bytes32 indexed deviceId, int256 value);

    constructor(address registry_) {
        registry = registry_;
    }

    function store(bytes32 deviceId, int256 value) external {
        require(msg.sender == registry, "only the registry writes");
        _readings[deviceId].push(Reading(value, block.number));
        emit ReadingStored(deviceId, value);
    }

    function count(bytes32 deviceId) external view returns (uint256) {
        return _readings[deviceId].length;
    }

    function latest(bytes32 deviceId) external view returns (int256 value, uint256 blockNumber) {
        Reading[] storage list = _readings[deviceId];
        require(list.length > 0, "no readings");
        Reading storage r = list[list.length - 1];
        return (r.value, r.blockNumber);
    }
}

contract DeviceRegistry {
    struct Device {
        address owner;
        address account;
        string metadata;
        bool active;
    }

    DeviceData public data;
    mapping(bytes32 => Device) public devices;

    event DeviceRegistered(bytes32 indexed deviceId, address indexed owner, address account);
    event DeviceDeactivated(bytes32 indexed deviceId);

    constructor() {
        data = new DeviceData(address(this));
    }

    function register(bytes32 deviceId, address account, string calldata metadata) external {
        require(devices[deviceId].owner == address(0), "device exists");
        devices[deviceId] = Device(msg.sender, account, metadata, true);
        emit DeviceRegistered(deviceId, msg.sender, account);
    }

    function deactivate(bytes32 deviceId) external {
        require(devices[deviceId].owner == msg.sender, "only the device owner");
        devices[deviceId].active = false;
        emit DeviceDeactivated(deviceId);
    }

    function submitReading(bytes32 deviceId, int256 value) external {
        Device storage d = devices[deviceId];
        require(d.active, "device not active");
        require(msg.sender == d.account || msg.sender == d.owner, "not the device");
        data.store(deviceId, value);
    }
}
""";
}
