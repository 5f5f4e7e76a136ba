/// Runs exact arithmetic and reports its failures as ``EngineError``.
@inline(__always)
package func exact<T>(_ body: () throws -> T) throws(EngineError) -> T {
    do {
        return try body()
    } catch let error as ArithmeticError {
        throw .arithmetic(error)
    } catch let error as UnitMismatchError {
        throw .units(error)
    } catch let error as EngineError {
        throw error
    } catch {
        throw .arithmetic(.overflow(operation: "\(error)"))
    }
}
