package io.supporthub.hub.db;

import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Maps rows to the hub's records by their canonical constructor (snake_case columns to camelCase components). */
final class RecordMappers implements RowMapperFactory {

    private final Map<Class<?>, RowMapper<?>> mappers = new ConcurrentHashMap<>();

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        if (!(type instanceof Class<?> cls) || !cls.isRecord() || !cls.getName().startsWith("io.supporthub.")) {
            return Optional.empty();
        }
        return Optional.of(mappers.computeIfAbsent(cls, ConstructorMapper::of));
    }
}
