import { Tooltip, Typography } from 'antd';
import { shortHash } from '../utils/format';

/** The first 12 hex characters of a hash; the full hash in a tooltip and on copy. */
export function ShortHash({ hash }: { hash: string }) {
  return (
    <Tooltip title={<span className="mono">{hash}</span>}>
      <Typography.Text className="mono" copyable={{ text: hash }}>
        {shortHash(hash)}
      </Typography.Text>
    </Tooltip>
  );
}
