// The contract's scalars: DateTime (ISO-8601) and JSON.
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';

export const DateTimeScalar = GraphQLDateTime;
export const JSONScalar = GraphQLJSON;
