// `import CoveoPushTesting` also brings in `CoveoPush`, so a crawler's tests need one import.
@_exported import CoveoPush
