// `import CoveoPushEmulator` also brings in `CoveoPush`: the emulator's API speaks in its types.
@_exported import CoveoPush
