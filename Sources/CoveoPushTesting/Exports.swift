// `import CoveoPushTesting` also brings in `CoveoPush` and `CoveoPushEmulator`, so a crawler's test target needs
// one dependency and one import.
@_exported import CoveoPush
@_exported import CoveoPushEmulator
